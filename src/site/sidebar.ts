/**
 * The chapter list. Starlight's `autogenerate` only scans src/content/docs, and our chapters
 * live in ./content, so the order is written here. Only chapters that exist are listed;
 * a test checks every entry resolves to a page.
 */
export const sidebar = [
  { label: 'Start here', link: '/' },
  {
    label: 'Backbones',
    items: [{ label: 'VGG: stacks of 3×3', link: '/vgg/' }],
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
