/**
 * The glossary: every technical term the site uses, English ↔ 简体中文. The Chinese pages use
 * `zh` for each term; `alternatives` are other renderings readers meet elsewhere (D2L, CSDN,
 * Zhihu, papers' translations; Chinese only, so code and English names never collide) and are
 * listed on the glossary page only. A test checks that no
 * Chinese page outside the glossary uses an alternative where the chosen term belongs.
 */
export interface GlossaryTerm {
  /** Stable key (also the glossary entry's anchor). */
  readonly id: string;
  readonly en: string;
  readonly zh: string;
  /** Other Chinese renderings in common use; never used on our own pages. */
  readonly alternatives: readonly string[];
  /** Where the term is first explained: page slug and English heading anchor. */
  readonly firstExplained: string;
}

export const glossary: readonly GlossaryTerm[] = [
  { id: 'convolution', en: 'convolution', zh: '卷积', alternatives: [], firstExplained: 'primer/#output-size' },
  { id: 'kernel', en: 'kernel (filter)', zh: '卷积核', alternatives: ['滤波器', '过滤器'], firstExplained: 'primer/#output-size' },
  { id: 'channel', en: 'channel', zh: '通道', alternatives: [], firstExplained: 'primer/#parameters' },
  { id: 'feature-map', en: 'feature map', zh: '特征图', alternatives: ['特征映射'], firstExplained: 'primer/#output-size' },
  { id: 'stride', en: 'stride', zh: '步长', alternatives: ['步幅'], firstExplained: 'primer/#output-size' },
  { id: 'padding', en: 'padding', zh: '填充', alternatives: ['补零'], firstExplained: 'primer/#padding' },
  { id: 'dilated-convolution', en: 'dilated (atrous) convolution', zh: '空洞卷积', alternatives: ['膨胀卷积', '扩张卷积', '带孔卷积'], firstExplained: 'primer/#output-size' },
  { id: 'dilation-rate', en: 'dilation rate', zh: '空洞率', alternatives: ['膨胀率', '扩张率'], firstExplained: 'primer/#output-size' },
  { id: 'receptive-field', en: 'receptive field', zh: '感受野', alternatives: ['接受野', '感受域'], firstExplained: 'primer/#the-receptive-field' },
  { id: 'theoretical-receptive-field', en: 'theoretical receptive field', zh: '理论感受野', alternatives: [], firstExplained: 'primer/#the-receptive-field' },
  { id: 'effective-receptive-field', en: 'effective receptive field', zh: '有效感受野', alternatives: [], firstExplained: 'primer/#the-receptive-field' },
  { id: 'pooling', en: 'pooling', zh: '池化', alternatives: ['汇聚'], firstExplained: 'primer/#output-size' },
  { id: 'max-pooling', en: 'max pooling', zh: '最大池化', alternatives: ['最大汇聚'], firstExplained: 'alexnet/#overlapping-pooling' },
  { id: 'average-pooling', en: 'average pooling', zh: '平均池化', alternatives: ['平均汇聚'], firstExplained: 'googlenet/#global-average-pooling-instead-of-a-fully-connected-head' },
  { id: 'global-average-pooling', en: 'global average pooling', zh: '全局平均池化', alternatives: ['全局平均汇聚'], firstExplained: 'googlenet/#global-average-pooling-instead-of-a-fully-connected-head' },
  { id: 'parameters', en: 'parameters (parameter count)', zh: '参数量', alternatives: ['参数数量'], firstExplained: 'primer/#parameters' },
  { id: 'macs', en: 'MACs (multiply–accumulates)', zh: '乘加次数', alternatives: ['乘加运算量'], firstExplained: 'primer/#macs-and-why-flops--2--macs' },
  { id: 'flops', en: 'FLOPs (floating-point operations)', zh: '浮点运算次数', alternatives: ['浮点运算量'], firstExplained: 'primer/#macs-and-why-flops--2--macs' },
  { id: 'output-shape', en: 'output shape', zh: '输出形状', alternatives: [], firstExplained: 'primer/#output-size' },
  { id: 'output-size', en: 'output size (H × W)', zh: '输出尺寸', alternatives: ['输出大小'], firstExplained: 'primer/#output-size' },
  { id: 'weight', en: 'weight', zh: '权重', alternatives: ['权值'], firstExplained: 'primer/#parameters' },
  { id: 'bias', en: 'bias', zh: '偏置', alternatives: ['偏差', '偏置项'], firstExplained: 'primer/#parameters' },
  { id: 'fully-connected', en: 'fully connected layer', zh: '全连接层', alternatives: ['稠密层'], firstExplained: 'alexnet/#the-network-at-a-glance' },
  { id: 'activation-function', en: 'activation function', zh: '激活函数', alternatives: [], firstExplained: 'alexnet/#relu' },
  { id: 'activation', en: 'activation (a layer’s output values)', zh: '激活值', alternatives: [], firstExplained: 'alexnet/#relu' },
  { id: 'saturation', en: 'saturation', zh: '饱和', alternatives: [], firstExplained: 'alexnet/#relu' },
  { id: 'vanishing-gradient', en: 'vanishing gradient', zh: '梯度消失', alternatives: ['梯度弥散'], firstExplained: 'alexnet/#relu' },
  { id: 'exploding-gradient', en: 'exploding gradient', zh: '梯度爆炸', alternatives: [], firstExplained: 'resnet/#the-degradation-problem' },
  { id: 'backpropagation', en: 'backpropagation', zh: '反向传播', alternatives: [], firstExplained: 'alexnet/#relu' },
  { id: 'initialisation', en: 'initialisation', zh: '初始化', alternatives: [], firstExplained: 'resnet/#the-degradation-problem' },
  { id: 'he-init', en: 'He (Kaiming) initialisation', zh: 'He 初始化', alternatives: ['Kaiming 初始化', '何凯明初始化'], firstExplained: 'resnet/#the-degradation-problem' },
  { id: 'xavier-init', en: 'Xavier (Glorot) initialisation', zh: 'Xavier 初始化', alternatives: ['Glorot 初始化'], firstExplained: 'resnet/#the-degradation-problem' },
  { id: 'lrn', en: 'local response normalisation (LRN)', zh: '局部响应归一化', alternatives: ['局部响应标准化'], firstExplained: 'alexnet/#local-response-normalisation' },
  { id: 'batch-norm', en: 'batch normalisation (BN)', zh: '批量归一化', alternatives: ['批归一化', '批标准化', '批量规范化'], firstExplained: 'resnet/#batch-normalisation-after-every-convolution-and-no-dropout' },
  { id: 'dropout', en: 'dropout', zh: 'Dropout', alternatives: ['随机失活', '暂退法', '丢弃法'], firstExplained: 'alexnet/#fighting-overfitting' },
  { id: 'overfitting', en: 'overfitting', zh: '过拟合', alternatives: [], firstExplained: 'alexnet/#fighting-overfitting' },
  { id: 'data-augmentation', en: 'data augmentation', zh: '数据增强', alternatives: ['数据增广'], firstExplained: 'alexnet/#fighting-overfitting' },
  { id: 'depthwise-separable', en: 'depthwise separable convolution', zh: '深度可分离卷积', alternatives: [], firstExplained: 'inception-to-xception/#depthwise-separable-convolution' },
  { id: 'depthwise', en: 'depthwise convolution', zh: '逐通道卷积', alternatives: ['深度卷积', '深度方向卷积'], firstExplained: 'inception-to-xception/#depthwise-separable-convolution' },
  { id: 'pointwise', en: 'pointwise (1×1) convolution', zh: '逐点卷积', alternatives: ['点卷积', '点态卷积'], firstExplained: 'inception-to-xception/#depthwise-separable-convolution' },
  { id: 'grouped-convolution', en: 'grouped convolution', zh: '分组卷积', alternatives: ['组卷积', '群卷积'], firstExplained: 'alexnet/#training-on-two-gpus' },
  { id: 'inception-module', en: 'Inception module', zh: 'Inception 模块', alternatives: ['Inception 块', 'Inception 结构'], firstExplained: 'googlenet/#the-inception-module' },
  { id: 'auxiliary-classifier', en: 'auxiliary classifier', zh: '辅助分类器', alternatives: [], firstExplained: 'googlenet/#two-auxiliary-classifiers' },
  { id: 'dimension-reduction', en: 'dimension reduction (1×1)', zh: '降维', alternatives: [], firstExplained: 'googlenet/#11-convolutions' },
  { id: 'factorisation', en: 'factorised convolution', zh: '分解卷积', alternatives: ['卷积分解'], firstExplained: 'inception-to-xception/#inception-v1--v3' },
  { id: 'asymmetric-convolution', en: 'asymmetric (n×1) convolution', zh: '非对称卷积', alternatives: [], firstExplained: 'inception-to-xception/#inception-v1--v3' },
  { id: 'label-smoothing', en: 'label smoothing', zh: '标签平滑', alternatives: [], firstExplained: 'inception-to-xception/#inception-v1--v3' },
  { id: 'cross-channel-correlation', en: 'cross-channel correlations', zh: '跨通道相关性', alternatives: ['通道间相关性'], firstExplained: 'inception-to-xception/#inception-v3--xception' },
  { id: 'spatial-correlation', en: 'spatial correlations', zh: '空间相关性', alternatives: [], firstExplained: 'inception-to-xception/#inception-v3--xception' },
  { id: 'entry-flow', en: 'entry / middle / exit flow', zh: '入口流 / 中间流 / 出口流', alternatives: [], firstExplained: 'inception-to-xception/#the-xception-network' },
  { id: 'residual-learning', en: 'residual learning', zh: '残差学习', alternatives: [], firstExplained: 'resnet/#residual-learning' },
  { id: 'residual-block', en: 'residual block', zh: '残差块', alternatives: ['残差模块', '残差单元', '残差结构'], firstExplained: 'resnet/#residual-learning' },
  { id: 'shortcut', en: 'shortcut connection', zh: '捷径连接', alternatives: ['短路连接', '快捷连接', 'shortcut 连接'], firstExplained: 'resnet/#residual-learning' },
  { id: 'skip-connection', en: 'skip connection (FCN, U-Net: encoder features to the decoder)', zh: '跳跃连接', alternatives: ['跳层连接', '跨层连接'], firstExplained: 'segmentation/#features-at-several-strides' },
  { id: 'identity-shortcut', en: 'identity shortcut', zh: '恒等捷径', alternatives: ['恒等映射捷径', '恒等快捷连接'], firstExplained: 'resnet/#residual-learning' },
  { id: 'projection-shortcut', en: 'projection shortcut', zh: '投影捷径', alternatives: ['投影快捷连接', '映射捷径'], firstExplained: 'resnet/#the-first-block-of-a-stage' },
  { id: 'basic-block', en: 'basic block', zh: '基本块', alternatives: [], firstExplained: 'resnet/#basic-and-bottleneck-blocks' },
  { id: 'bottleneck', en: 'bottleneck block', zh: '瓶颈块', alternatives: ['瓶颈结构'], firstExplained: 'resnet/#basic-and-bottleneck-blocks' },
  { id: 'degradation', en: 'degradation problem', zh: '退化问题', alternatives: [], firstExplained: 'resnet/#the-degradation-problem' },
  { id: 'stage', en: 'stage', zh: '阶段', alternatives: [], firstExplained: 'resnet/#the-first-block-of-a-stage' },
  { id: 'stem', en: 'stem', zh: '起始层', alternatives: ['茎', '主干起始层'], firstExplained: 'resnet/#the-papers-table-1-regenerated' },
  { id: 'downsampling', en: 'downsampling', zh: '下采样', alternatives: ['降采样'], firstExplained: 'primer/#output-size' },
  { id: 'upsampling', en: 'upsampling', zh: '上采样', alternatives: [], firstExplained: 'segmentation/#from-classifier-to-encoder' },
  { id: 'semantic-segmentation', en: 'semantic segmentation', zh: '语义分割', alternatives: [], firstExplained: 'primer/#why-segmentation-backbones-are-classifiers' },
  { id: 'backbone', en: 'backbone', zh: '骨干网络', alternatives: ['主干网络'], firstExplained: 'primer/#why-segmentation-backbones-are-classifiers' },
  { id: 'encoder', en: 'encoder', zh: '编码器', alternatives: [], firstExplained: 'segmentation/#from-classifier-to-encoder' },
  { id: 'decoder', en: 'decoder', zh: '解码器', alternatives: [], firstExplained: 'segmentation/#from-classifier-to-encoder' },
  { id: 'output-stride', en: 'output stride (OS)', zh: '输出步长', alternatives: ['输出步幅'], firstExplained: 'segmentation/#output-stride' },
  { id: 'gridding', en: 'gridding (the gridding artefact)', zh: '网格效应', alternatives: ['棋盘效应', '栅格效应'], firstExplained: 'segmentation/#gridding' },
  { id: 'hdc', en: 'hybrid dilated convolution (HDC)', zh: '混合空洞卷积', alternatives: [], firstExplained: 'segmentation/#gridding' },
  { id: 'aspp', en: 'atrous spatial pyramid pooling (ASPP)', zh: '空洞空间金字塔池化', alternatives: [], firstExplained: 'segmentation/#features-at-several-strides' },
  { id: 'memory-traffic', en: 'memory traffic', zh: '访存量', alternatives: ['内存访问量'], firstExplained: 'inception-to-xception/#macs-are-not-speed' },
  { id: 'concatenation', en: 'concatenation (along channels)', zh: '通道拼接', alternatives: ['通道连接', '通道串联'], firstExplained: 'googlenet/#the-inception-module' },
  { id: 'top-1', en: 'top-1 / top-5 accuracy', zh: 'top-1 / top-5 准确率', alternatives: ['top-1 精度', '正确率'], firstExplained: 'explorer/#accuracy-against-cost' },
  { id: 'mini-batch', en: 'mini-batch', zh: '小批量', alternatives: ['迷你批次'], firstExplained: 'resnet/#batch-normalisation-after-every-convolution-and-no-dropout' },
  { id: 'fine-tuning', en: 'fine-tuning', zh: '微调', alternatives: [], firstExplained: 'segmentation/#carrying-the-weights-over' },
  { id: 'effective-stride', en: 'effective stride (jump)', zh: '有效步长', alternatives: ['有效步幅'], firstExplained: 'primer/#the-receptive-field' },
  { id: 'branch', en: 'branch (tower)', zh: '分支', alternatives: [], firstExplained: 'googlenet/#the-inception-module' },
  { id: 'inference', en: 'inference', zh: '推理', alternatives: ['推断'], firstExplained: 'resnet/#training-statistics-and-inference-statistics' },
];
