// Accessors for the fixed-size arrays of libnifti2's nifti_image, which import into Swift as
// awkward tuples.
#include "CNifti.h"

double CNifti_AffineElement(const nifti_image *image, int useSform, int row, int column) {
  return useSform ? image->sto_xyz.m[row][column] : image->qto_xyz.m[row][column];
}

double CNifti_PixelDimension(const nifti_image *image, int index) { return image->pixdim[index]; }

int64_t CNifti_Dimension(const nifti_image *image, int index) { return image->dim[index]; }
