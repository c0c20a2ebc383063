import Providers
import Testing

/// The slots under the request limit and the executor's calling turns: resizing while slots are in use.
@Suite struct FairSemaphoreTests {
    /// Queues `count` takers and waits until they all wait.
    private func queue(_ count: Int, on semaphore: FairSemaphore) async -> [Task<Void, Never>] {
        let before = semaphore.waiting
        let takers = (0..<count).map { _ in Task { await semaphore.take() } }
        while semaphore.waiting < before + count { await Task.yield() }
        return takers
    }

    @Test func growingHandsEveryNewSlotToTheWaiters() async {
        let semaphore = FairSemaphore(slots: 1)
        await semaphore.take()
        let takers = await queue(3, on: semaphore)
        semaphore.give { _ in 3 }
        for taker in takers { await taker.value }
        #expect(semaphore.slots == 3)
        #expect(semaphore.taken == 3)
        #expect(semaphore.waiting == 0)
    }

    @Test func shrinkingKeepsWaitersUntilFewerThanTheNewCountAreTaken() async {
        let semaphore = FairSemaphore(slots: 4)
        for _ in 0..<4 { await semaphore.take() }
        let takers = await queue(1, on: semaphore)
        semaphore.give { _ in 2 }
        #expect(semaphore.taken == 3 && semaphore.waiting == 1, "3 taken of 2 slots")
        semaphore.give()
        #expect(semaphore.taken == 2 && semaphore.waiting == 1, "2 taken of 2 slots")
        semaphore.give()
        await takers[0].value
        #expect(semaphore.taken == 2 && semaphore.waiting == 0)
    }

    @Test(arguments: [(0, 1), (-3, 1), (5, 5)])
    func thereIsAlwaysAtLeastOneSlot(asked: Int, slots: Int) async {
        let semaphore = FairSemaphore(slots: asked)
        #expect(semaphore.slots == slots)
        await semaphore.take()
        semaphore.give { _ in asked }
        #expect(semaphore.slots == slots && semaphore.taken == 0)
    }
}
