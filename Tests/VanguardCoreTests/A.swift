import Testing
@testable import VanguardCore
@Test func a() { #expect(1 == 1) }
