import Testing
import TestSupport

@testable import Shared

@Suite("Leader lock across replicas", .enabled(if: TestServices.available))
struct LeaderLockTests {
    @Test("one holder at a time; renewal keeps it; release or expiry hands it over")
    func exclusiveAndHandedOver() async throws {
        try await TestServices.withRedis { redis in
            let a = LeaderLock(redis: redis, name: "job", ttl: .seconds(2), token: "a")
            let b = LeaderLock(redis: redis, name: "job", ttl: .seconds(2), token: "b")
            #expect(try await a.acquireOrRenew())
            #expect(try await b.acquireOrRenew() == false)
            // A keeps renewing past its TTL: B still cannot take it.
            // (Renewing every 0.6 s leaves room for a loaded machine within the 2 s TTL.)
            for _ in 0..<4 {
                try await Task.sleep(for: .milliseconds(600))
                #expect(try await a.acquireOrRenew())
                #expect(try await b.acquireOrRenew() == false)
            }
            // B's release does not drop A's lock; A's release does.
            try await b.release()
            #expect(try await b.acquireOrRenew() == false)
            try await a.release()
            #expect(try await b.acquireOrRenew())
            // B dies (stops renewing): A takes over once the TTL passes.
            let tookOver = try await TestServices.eventually(timeout: .seconds(6)) { try await a.acquireOrRenew() }
            #expect(tookOver)
            #expect(try await b.acquireOrRenew() == false)
        }
    }
}
