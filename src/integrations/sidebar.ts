/**
 * The chapter list. Starlight's `autogenerate` only scans src/content/docs, and our chapters
 * live in ./content, so the order is written here. Only chapters that exist are listed;
 * a test checks every entry resolves to a page in every locale. Labels carry their
 * translations keyed by BCP-47 tag (Starlight picks the page's language); links are written
 * once and Starlight prefixes them with the locale (/zh-cn/vgg/).
 */
export const sidebar = [
  { label: 'Start here', translations: { 'zh-CN': '从这里开始' }, link: '/' },
  {
    label: 'Backbones',
    translations: { 'zh-CN': '骨干网络' },
    items: [
      { label: 'Primer: reading a convolution', translations: { 'zh-CN': '入门：读懂一层卷积' }, link: '/primer/' },
      { label: 'AlexNet (2012)', translations: { 'zh-CN': 'AlexNet（2012）' }, link: '/alexnet/' },
      { label: 'VGG: stacks of 3×3', translations: { 'zh-CN': 'VGG：堆叠 3×3 卷积' }, link: '/vgg/' },
      { label: 'GoogLeNet / Inception v1', translations: { 'zh-CN': 'GoogLeNet / Inception v1' }, link: '/googlenet/' },
      { label: 'From Inception to Xception', translations: { 'zh-CN': '从 Inception 到 Xception' }, link: '/inception-to-xception/' },
      { label: 'ResNet (2015)', translations: { 'zh-CN': 'ResNet（2015）' }, link: '/resnet/' },
    ],
  },
  {
    label: 'From classifier to encoder',
    translations: { 'zh-CN': '从分类器到编码器' },
    items: [{ label: 'Backbones for segmentation', translations: { 'zh-CN': '用于分割的骨干网络' }, link: '/segmentation/' }],
  },
  {
    label: 'Tools',
    translations: { 'zh-CN': '工具' },
    items: [{ label: 'Model explorer', translations: { 'zh-CN': '模型探索器' }, link: '/explorer/' }],
  },
  {
    label: 'Reference',
    translations: { 'zh-CN': '参考' },
    items: [{ label: 'Glossary', translations: { 'zh-CN': '术语表' }, link: '/glossary/' }],
  },
];
