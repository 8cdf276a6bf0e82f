/**
 * The chapter list. Starlight's `autogenerate` only scans src/content/docs, and our chapters
 * live in ./content, so the order is written here. Only chapters that exist are listed;
 * a test checks every entry resolves to a page.
 */
export const sidebar = [
  { label: 'Start here', link: '/' },
  {
    label: 'Backbones',
    items: [
      { label: 'Primer: reading a convolution', link: '/primer/' },
      { label: 'AlexNet (2012)', link: '/alexnet/' },
      { label: 'VGG: stacks of 3×3', link: '/vgg/' },
      { label: 'GoogLeNet / Inception v1', link: '/googlenet/' },
      { label: 'From Inception to Xception', link: '/inception-to-xception/' },
      { label: 'ResNet (2015)', link: '/resnet/' },
    ],
  },
  {
    label: 'From classifier to encoder',
    items: [{ label: 'Backbones for segmentation', link: '/segmentation/' }],
  },
  {
    label: 'Tools',
    items: [{ label: 'Model explorer', link: '/explorer/' }],
  },
];
