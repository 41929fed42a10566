#ifndef CCRYPTO_SHIM_H
#define CCRYPTO_SHIM_H
// OpenSSL's libcrypto, for SHA-256 of files and HMAC-SHA-256 (EVP and HMAC interfaces).
#include <openssl/evp.h>
#include <openssl/hmac.h>
#endif
