import Foundation

/// Work that is pure computation on many independent inputs — evaluations, impact fits — spread
/// over every core in interleaved lanes (neighbouring inputs are often alike in cost), with the
/// results back in the inputs' order. A nil result is left out.
func mapOnEveryCore<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], _ transform: @escaping @Sendable (Input) throws -> Output?
) async throws -> [Output] {
    let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, inputs.count))
    let done = try await withThrowingTaskGroup(of: [(Int, Output)].self) { group in
        for lane in 0..<lanes {
            group.addTask {
                var done: [(Int, Output)] = []
                for index in stride(from: lane, to: inputs.count, by: lanes) {
                    if let output = try transform(inputs[index]) { done.append((index, output)) }
                }
                return done
            }
        }
        return try await group.reduce(into: []) { $0 += $1 }
    }
    return done.sorted { $0.0 < $1.0 }.map(\.1)
}
