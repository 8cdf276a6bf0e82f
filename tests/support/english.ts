/**
 * Finds English words in text that should be Chinese: what is left after the names that stay
 * as they are in both languages (layer and module names, symbols, units, model and library
 * names). Shared by the widget unit tests and the site check of the Chinese pages.
 */

/** Words that stay in English on a Chinese page: units, model, paper and library names. */
export const ALLOWED = new Set(
  [
    // units and counts
    'MACs', 'MAC', 'FLOPs', 'FLOPS', 'GFLOPS', 'GFLOPs', 'MB', 'KB', 'GB', 'kB', 'KiB', 'MiB', 'GiB', 'float32', 'float16', 'px', 'bytes', 'Bytes',
    // layers, modules and operations as the frameworks name them
    'Conv', 'Conv2d', 'MaxPool2d', 'AvgPool2d', 'BatchNorm2d', 'Linear', 'ReLU', 'ReLUs', 'BN', 'LRN', 'Dropout', 'Softmax',
    'BasicBlock', 'Bottleneck', 'Inception', 'ASPP', 'HDC', 'ERF', 'OS', 'GAP', 'FC', 'fc', 'conv', 'pool', 'concat', 'add',
    'flatten', 'linear', 'relu', 'tanh', 'sigmoid', 'identity', 'sum', 'max', 'min', 'log', 'exp', 'avg', 'mean', 'std', 'same', 'floor', 'ceil',
    'ceil_mode', 'True', 'False', 'bias', 'groups', 'stride', 'padding', 'dilation', 'kernel_size', 'He', 'Xavier', 'Kaiming', 'Glorot',
    'top', 'bottom', // top-1 / top-5; Caffe's bottom/top
    // models, datasets, papers, tools
    'AlexNet', 'ResNeXt', 'VGG', 'GoogLeNet', 'ResNet', 'ResNets', 'Xception', 'DeepLab', 'DeepLabv3', 'FCN', 'ImageNet', 'ILSVRC', 'CIFAR',
    'PyTorch', 'torchvision', 'Caffe', 'BVLC', 'TF', 'Keras', 'TensorFlow', 'JSON', 'prototxt', 'GPU', 'GPUs', 'CPU', 'URL',
    'Araujo', 'Szegedy', 'Krizhevsky', 'Simonyan', 'Zisserman', 'Szegedy', 'Chollet', 'Luo', 'Wang', 'Yu', 'Koltun', 'Chen', 'Ioffe', 'Kingma',
    'Russakovsky', 'Clarifai', 'SuperVision', 'Fisher', 'Fall', 'NEC', 'UIUC', 'XRCE', 'ZFNet', 'arXiv', 'Zeiler', 'Fergus', 'MSRA', 'Oxford', 'Google',
    'NumPy', 'et', 'al', 'eval', 'Applications', 'BatchNormalization', 'fvcore', 'flop', 'RF',
    // PyTorch's print(model) vocabulary shown in code
    'AuxLogits', 'predictions', 'predicti', 'planes', 'inplanes', 'maxpool', 'avgpool', 'downsample', 'classifier', 'features', 'flatten', 'in_channels', 'out_channels', 'inplace', 'eps', 'momentum', 'affine', 'track_running_stats', 'in_features', 'out_features',
  ].map((w) => w.toLowerCase()),
);

/**
 * Every English word in `text` that is not allowed. A "word" is two or more Latin letters;
 * symbols (single letters like H, k, s), identifiers with digits or underscores (conv1,
 * layer3.0, k_eff, C_in, 3x3) and units glued to numbers (224px, 7x7) are not words.
 */
export function englishWords(text: string, own: ReadonlySet<string> = new Set()): string[] {
  const found: string[] = [];
  // A function call is code: print(model).
  const prose = text.replace(/\b[A-Za-z_]\w*\([^()]*\)/g, ' ');
  for (const match of prose.matchAll(/[A-Za-z0-9_.]*[A-Za-z][A-Za-z0-9_.]*/g)) {
    const token = match[0].replace(/^\.+|\.+$/g, '');
    if (/[0-9_]/.test(token)) continue; // module paths and identifiers: downsample.0, layer3.1.conv2, k_eff
    const parts = token.split('.').filter(Boolean);
    for (const part of parts) {
      if (!/^[A-Za-z]{2,}$/.test(part)) continue; // symbols, identifiers with digits or _
      if (ALLOWED.has(part.toLowerCase()) || own.has(part)) continue;
      if (/^[A-Z]{2,}s?$/.test(part)) continue; // acronyms and names in capitals: CNN, SIFT, UIUC
      found.push(part);
    }
  }
  return found;
}

/** English words in a label template, its `{placeholders}` aside. */
export function templateEnglishWords(template: string): string[] {
  return englishWords(htmlText(template.replace(/\{\w+\}/g, ' ')));
}

/** The text a reader meets in an HTML fragment: its text and its aria-label/alt/title values. */
export function htmlText(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|alt|title)="([^"]*)"/g)].map((m) => m[1]);
  return [html, ...attributes]
    .join(' ')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    // A subscript belongs to its symbol: <var>k</var><sub>eff</sub> reads as k_eff.
    .replace(/(<\/var>)?<sub>/g, '_')
    .replace(/<\/sub>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
