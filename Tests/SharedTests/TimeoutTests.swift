import Synchronization
import Testing

@testable import Shared

@Suite("withTimeout")
struct TimeoutTests {
    @Test("returns the body's result or error")
    func passesThrough() async throws {
        #expect(try await withTimeout(.seconds(1)) { 42 } == 42)
        struct Boom: Error {}
        await #expect(throws: Boom.self) { try await withTimeout(.seconds(1)) { throw Boom() } }
    }

    @Test("times out on time even when the body ignores cancellation")
    func uncooperativeBody() async throws {
        let start = ContinuousClock.now
        await #expect(throws: TimeoutError.self) {
            try await withTimeout(.milliseconds(100)) {
                // Ignores cancellation: a plain blocking-style wait of 1 s.
                let end = ContinuousClock.now + .seconds(1)
                while ContinuousClock.now < end { try? await Task.sleep(for: .milliseconds(10)); _ = 0 }
                return 1
            }
        }
        #expect(ContinuousClock.now - start < .milliseconds(800))
    }

    @Test("a cancelled caller returns at once")
    func callerCancelled() async throws {
        let task = Task { try await withTimeout(.seconds(10)) { try await Task.sleep(for: .seconds(10)) } }
        try await Task.sleep(for: .milliseconds(50))
        task.cancel()
        let start = ContinuousClock.now
        await #expect(throws: (any Error).self) { try await task.value }
        #expect(ContinuousClock.now - start < .seconds(1))
    }
}
