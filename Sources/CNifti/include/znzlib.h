#ifndef CNIFTI_ZNZLIB_FORWARD_H
#define CNIFTI_ZNZLIB_FORWARD_H
// nifti2_io.h includes <znzlib.h> by its bare name; Swift importers only see this target's
// include folder, so this forwards to the real header in /usr/include/nifti.
#include <nifti/znzlib.h>
#endif
