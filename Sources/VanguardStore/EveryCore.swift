import Foundation

/// Work that is pure computation on many independent inputs — evaluations, impact fits — spread
/// over every core, one input per task with as many in flight as there are cores (inputs differ
/// in cost, so fixed lanes would leave a core idle), with the results back in the inputs' order.
/// A nil result is left out.
func mapOnEveryCore<Input: Sendable, Output: Sendable>(
    _ inputs: [Input], _ transform: @escaping @Sendable (Input) throws -> Output?
) async throws -> [Output] {
    guard !inputs.isEmpty else { return [] }
    let lanes = max(1, min(ProcessInfo.processInfo.activeProcessorCount, inputs.count))
    let done = try await withThrowingTaskGroup(of: (Int, Output?).self) { group in
        var next = 0
        func start() {
            let index = next
            next += 1
            group.addTask { (index, try transform(inputs[index])) }
        }
        while next < lanes { start() }
        var done: [(Int, Output)] = []
        done.reserveCapacity(inputs.count)
        while let (index, output) = try await group.next() {
            if let output { done.append((index, output)) }
            if next < inputs.count { start() }
        }
        return done
    }
    return done.sorted { $0.0 < $1.0 }.map(\.1)
}
