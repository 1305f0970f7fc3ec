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
                // Ignores cancellation for 30 s (like a stuck client library call).
                let end = ContinuousClock.now + .seconds(30)
                while ContinuousClock.now < end { try? await Task.sleep(for: .milliseconds(50)) }
                return 1
            }
        }
        // Far sooner than the body would end, with room for a loaded machine.
        #expect(ContinuousClock.now - start < .seconds(10))
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
