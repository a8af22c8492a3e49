import Testing

@testable import VanguardStore

/// Pure work spread over the cores comes back whole and in order, nils left out — and nothing is
/// started for no inputs (an upload that feeds no place, a metric no care model uses).
@Suite struct EveryCoreTests {
    @Test func resultsComeBackInTheInputsOrderWithNilsLeftOut() async throws {
        let squares = try await mapOnEveryCore(Array(0..<1000)) { $0 % 7 == 0 ? nil : $0 * $0 }
        #expect(squares == (0..<1000).filter { $0 % 7 != 0 }.map { $0 * $0 })
        #expect(try await mapOnEveryCore([41]) { $0 + 1 } == [42])
    }

    @Test func noInputsStartNothing() async throws {
        let none: [Int] = try await mapOnEveryCore([Int]()) { _ in
            Issue.record("nothing to do"); return 1
        }
        #expect(none.isEmpty)
    }
}
