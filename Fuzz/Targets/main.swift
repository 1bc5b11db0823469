import CFuzzerDriver
import Foundation

// libFuzzer runs the loop and reads its own options (-max_total_time, -rss_limit_mb, corpus folders, …);
// each input goes to the target named by TRUCE_FUZZ_TARGET.
_ = FuzzTarget.selected
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(
    LLVMFuzzerRunDriver(&argc, &argv) { data, size in
        FuzzTarget.selected.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    })
