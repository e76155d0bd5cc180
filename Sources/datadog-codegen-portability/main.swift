import Foundation
import Portability

// `.ci/portability [FILE|DIR …]`, run from the repository root: see that script.
let outcome = Portability.run(Array(CommandLine.arguments.dropFirst()))
for line in outcome.output { print(line) }
for line in outcome.errors { FileHandle.standardError.write(Data((line + "\n").utf8)) }
exit(outcome.status)
