import Foundation

/// Stops the process when an invariant fails, so that libFuzzer keeps the input as a crash and prints its path.
func invariant(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    guard !condition() else { return }
    FileHandle.standardError.write(Data("truce-fuzz: invariant failed: \(message())\n".utf8))
    abort()
}

/// The chunk size a stream is read with, taken from the input's last byte (1 to 64 bytes), so that the
/// fuzzer moves chunk boundaries through quotes, line ends, the byte-order mark and gzip headers.
func chunkSize(for input: [UInt8]) -> Int {
    1 + Int(input.last ?? 0) % 64
}
