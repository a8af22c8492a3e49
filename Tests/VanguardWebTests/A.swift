import Testing
import VaporTesting
@testable import VanguardWeb
@Test func b() { #expect(1 == 1) }
