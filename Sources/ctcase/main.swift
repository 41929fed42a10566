import CTCaseCLI
import Foundation
import Imaging

AllocatorTuning.apply()
InterruptCleanup.install()
exit(CTCase.main(Array(CommandLine.arguments.dropFirst())))
