

// Writer API (phantom branch): the umbrella header must include it or Swift cannot see it.
#include "CDicomWriter.h"
