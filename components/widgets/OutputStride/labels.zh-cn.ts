/** The output-stride explorer in Simplified Chinese (terms from src/i18n/glossary.ts). */
import type { Translation } from '../../../src/i18n/locale';
import type { OutputStrideLabels } from './output-stride';

export const outputStrideZh: Translation<OutputStrideLabels> = {
  title: '输出步长探索器：OS 为 32、16 或 8 的 ResNet 编码器',
  labels: {
    model: '骨干网络',
    size: '输入尺寸 H = W',
    os: '输出步长',
    reset: '重置',
    'model.resnet50': 'ResNet-50',
    'model.resnet101': 'ResNet-101',
    'model.resnet152': 'ResNet-152',
    'os.32': '32（分类网络）',
    'os.16': '16（layer4 空洞）',
    'os.8': '8（layer3/4 空洞）',
    strides: '步长去了哪里',
    stage: '阶段',
    stride: '步长',
    dilation: '空洞率',
    map: '输出',
    macs: '乘加次数 (MACs)',
    rf: '感受野',
    jump: '有效步长 S',
    jumpLine: '输出的有效步长',
    rfLine: '为什么感受野不变',
    totals: '编码器合计',
    current: '当前设置',
    baseline: 'OS 32',
    ratio: '比值',
    params: '参数量',
    memory: '激活值（float32，批大小 1）',
    features: '最终特征图',
    picture: '中心单元在图像上的感受野',
    erfLink: '在有效感受野视图中看它们的梯度落在哪里',
    erfNote: '{stage} 中后面 {n} 个 3×3 卷积的空洞率都是 {d}：{link}。',
    svgCaption: '{r}×{r} 的感受野，{n}×{n} 个单元，间距 {S} px',
    everyShown: '（每 {k} 个画一个）',
    figCaption:
      '{size}×{size} 的图像（灰色），输出步长 {S} 下各单元的中心（圆点），中心单元 ({m}, {m}) 的 {r}×{r} 感受野（伸进零填充的部分为虚线，覆盖图像的部分为实心），以及该单元所代表的 {S}×{S} 输入像素格。',
    everyDrawn: '每 {k} 个单元画一个。',
    summary: '{name}，输入 {size}×{size}，输出步长 {os}：特征图 {shape}，乘加次数 {macs}（是 OS 32 的 {ratio}），感受野 {rf} px，有效步长 {S}。',
    stem: '起始层',
    thenDilation: '{first}，之后 {rest}',
    perSide: '（每边）',
    stageCaption:
      '{model}，输入 {size}×{size}，输出步长 {os}。起始层 = conv1 … maxpool。各阶段 3×3 卷积的步长和空洞率（torchvision 的 _make_layer 让使用空洞卷积的阶段的第一个块沿用上一个空洞率）、该阶段的输出、乘加次数，以及一个输出单元的感受野 r 和有效步长 S。',
    jumpStep: '<var>S</var> = 2 (conv1) · 2 (maxpool) · {jumps} (layer1–4) = <strong>{S}</strong>',
    mapStep: '特征图 = {size} px ÷ {S}，带填充的跨步层向上取整：<strong>{shape}</strong>',
    rfNote:
      '每个 3×3 给感受野加上 (k_eff − 1)·S，其中 k_eff = d·(3 − 1) + 1，S 是它输入的有效步长。空洞率 d 把 (k_eff − 1) 放大 d 倍，恰好补上 S 缩小的 d 倍：',
    totalsCaption:
      '编码器 = {model} 到 layer4 为止（没有 avgpool 和 fc），输入 {size}×{size}×3。激活值：每个卷积层、批量归一化层、池化层和相加层的输出，每个值 4 字节，一张图像。',
  },
};
