#ifndef CCRYPTO_SHIM_H
#define CCRYPTO_SHIM_H
// OpenSSL's libcrypto, for SHA-256 of input files (EVP digest interface).
#include <openssl/evp.h>
#endif
