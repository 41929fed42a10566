#ifndef CNIFTI_H
#define CNIFTI_H
// Forwards libnifti2's header; its znzlib.h lives in /usr/include/nifti, which the target's
// search path adds, so a plain system-library module map cannot do this job.
#include <nifti/nifti2_io.h>

/// Element (row, column) of the image's 4x4 index-to-RAS matrix: the sform (sto_xyz) when
/// `useSform` is non-zero, else the qform (qto_xyz). Rows and columns run 0...3.
double CNifti_AffineElement(const nifti_image *image, int useSform, int row, int column);

/// Element of pixdim[] (index 0...7).
double CNifti_PixelDimension(const nifti_image *image, int index);

/// Element of dim[] (index 0...7).
int64_t CNifti_Dimension(const nifti_image *image, int index);

/// nifti_image_read(path, 0) (header only) with what libnifti2 prints kept instead of printed:
/// some of its header errors ("bad datatype", "bad dim[0]") go to stderr whatever the debug
/// level. The first such line (without libnifti's "** ERROR: function:" prefix) is copied into
/// `message` (empty when it printed nothing). NULL when libnifti2 cannot read the header.
nifti_image *CNifti_ReadHeader(const char *path, char *message, size_t messageLength);
#endif
