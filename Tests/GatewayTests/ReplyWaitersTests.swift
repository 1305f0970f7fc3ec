import Foundation
import Shared
import Testing

@testable import Gateway

@Suite("Reply waiters: replies, deadlines and shutdown")
struct ReplyWaitersTests {
    static func result(_ id: String) -> ToolResult {
        ToolResult(id: id, status: 201, body: ["ok": true], subject: "s", tool: "save_conversation")
    }

    @Test("a reply that arrives before the wait is kept; a replay's second waiter gets the same reply")
    func replyBeforeWait() async {
        let waiters = ReplyWaiters()
        let far = ContinuousClock.now + .seconds(60)
        let first = waiters.register("call-1", deadline: far)
        let second = waiters.register("call-1", deadline: far)
        #expect(waiters.deliver(Self.result("call-1")) == 0)  // nobody is waiting yet; both keep it
        #expect(await waiters.wait(first)?.id == "call-1")
        #expect(await waiters.wait(second)?.id == "call-1")
        #expect(waiters.expire() == 0)
    }

    @Test("a waiter past its deadline ends with nil at the next sweep; one before it stays")
    func deadlines() async throws {
        let waiters = ReplyWaiters()
        let soon = waiters.register("late", deadline: .now + .milliseconds(50))
        let later = waiters.register("later", deadline: .now + .seconds(60))
        async let ended = waiters.wait(soon)
        try await Task.sleep(for: .milliseconds(100))
        #expect(waiters.expire() == 1)
        #expect(await ended == nil)
        #expect(waiters.deliver(Self.result("later")) == 0)
        #expect(await waiters.wait(later)?.id == "later")
    }

    @Test("once the sweeper stops with nobody waiting, a new wait ends at once; a kept reply is still answered")
    func closed() async {
        let waiters = ReplyWaiters()
        let answered = waiters.register("answered", deadline: .now + .seconds(60))
        waiters.deliver(Self.result("answered"))
        #expect(waiters.expire(closeWhenEmpty: true) == 1)  // the kept reply still counts: not closed
        #expect(await waiters.wait(answered)?.id == "answered")
        #expect(waiters.expire(closeWhenEmpty: true) == 0)
        let late = waiters.register("after-shutdown", deadline: .now + .seconds(60))
        #expect(await waiters.wait(late) == nil)
    }
}
