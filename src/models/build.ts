/**
 * Which build of a network a figure describes: the paper's own description, or one framework's
 * implementation of it (torchvision, the BVLC Caffe model zoo, Keras Applications). Builds differ
 * in ways a reader can count: torchvision's GoogLeNet has a 3×3 kernel in its "5×5" branch, BN and
 * no biases; Keras counts batch norm's moving statistics among the parameters.
 */
export type Build = 'paper' | 'torchvision' | 'caffe' | 'keras';
