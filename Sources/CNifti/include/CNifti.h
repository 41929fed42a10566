#ifndef CNIFTI_H
#define CNIFTI_H
// Forwards libnifti2's header; its znzlib.h lives in /usr/include/nifti, which the target's
// search path adds, so a plain system-library module map cannot do this job.
#include <nifti/nifti2_io.h>
#endif
