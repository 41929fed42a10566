#include "CDicom.h"
