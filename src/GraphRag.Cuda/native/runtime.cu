// Device discovery, memory and errors: the plumbing the managed bindings need around the kernels.
#include <string.h>
#include "common.cuh"

extern "C" int graphrag_cuda_device_count(int* count) {
    *count = 0;
    return (int)cudaGetDeviceCount(count);
}

extern "C" int graphrag_cuda_device_name(int device, char* buffer, int length) {
    if (buffer == nullptr || length <= 0) return (int)cudaErrorInvalidValue;
    cudaDeviceProp properties;
    const int err = (int)cudaGetDeviceProperties(&properties, device);
    if (err != 0) return err;
    strncpy(buffer, properties.name, (size_t)length - 1);
    buffer[length - 1] = '\0';
    return 0;
}

extern "C" const char* graphrag_cuda_error_string(int code) { return cudaGetErrorString((cudaError_t)code); }

extern "C" int graphrag_cuda_malloc(void** pointer, size_t bytes) { return (int)cudaMalloc(pointer, bytes); }

extern "C" int graphrag_cuda_free(void* pointer) { return (int)cudaFree(pointer); }

extern "C" int graphrag_cuda_copy_to_device(void* device, const void* host, size_t bytes) {
    return (int)cudaMemcpy(device, host, bytes, cudaMemcpyHostToDevice);
}

extern "C" int graphrag_cuda_copy_to_host(void* host, const void* device, size_t bytes) {
    return (int)cudaMemcpy(host, device, bytes, cudaMemcpyDeviceToHost);
}

extern "C" int graphrag_cuda_synchronize(void) { return (int)cudaDeviceSynchronize(); }
