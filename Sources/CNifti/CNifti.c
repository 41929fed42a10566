// Intentionally empty: the target exists to forward libnifti2's headers and link it.
#include "CNifti.h"
