import Foundation
import PipewatchCore
import Testing

@Suite("escalation planner")
struct EscalationPlannerTests {
    let pipeline = Pipeline(id: "p", name: "P", owners: PipelineOwners(primary: "c", secondary: "a"))

    @Test("on call, then primary, then secondary, each after the level's ack_within")
    func standardPolicy() {
        let planner = EscalationPlanner(policy: .standard, pipeline: pipeline)
        #expect(planner.decide(step: 0, oncall: "b", pagedInRound: []) { _ in nil } == .page("b"))
        #expect(planner.delay(afterStep: 0) == .seconds(900))
        #expect(planner.decide(step: 1, oncall: "b", pagedInRound: ["b"]) { _ in nil } == .page("c"))
        #expect(planner.delay(afterStep: 1) == .seconds(1800))
        #expect(planner.decide(step: 2, oncall: "b", pagedInRound: ["b", "c"]) { _ in nil } == .page("a"))
        #expect(planner.delay(afterStep: 2) == nil)
    }

    @Test("someone already paged, someone away and a missing owner are skipped with the reason")
    func skips() {
        let planner = EscalationPlanner(policy: .standard, pipeline: pipeline)
        #expect(
            planner.decide(step: 1, oncall: "c", pagedInRound: ["c"]) { _ in nil }
                == .skip(reason: "'c' (the primary owner) was already paged")
        )
        #expect(
            planner.decide(step: 2, oncall: "b", pagedInRound: []) { $0 == "a" ? "public holiday 'Veterans Day'" : nil }
                == .skip(reason: "'a' (the secondary owner) is unavailable: public holiday 'Veterans Day'")
        )
        let solo = EscalationPlanner(
            policy: .standard,
            pipeline: Pipeline(id: "s", name: "S", owners: PipelineOwners(primary: "c", secondary: nil))
        )
        #expect(
            solo.decide(step: 2, oncall: nil, pagedInRound: []) { _ in nil }
                == .skip(reason: "the pipeline has no secondary owner")
        )
        #expect(
            solo.decide(step: 0, oncall: nil, pagedInRound: []) { _ in nil }
                == .skip(reason: "nobody was on call when the incident opened")
        )
    }

    @Test("repeat runs the whole policy again, after the last level's wait")
    func repeats() {
        let policy = EscalationPolicy(
            levels: [
                EscalationLevel(target: .oncall, acknowledgeWithin: .seconds(600)),
                EscalationLevel(target: .primaryOwner, acknowledgeWithin: .seconds(1200)),
            ],
            repeatCount: 1
        )
        let planner = EscalationPlanner(policy: policy, pipeline: pipeline)
        #expect(planner.stepCount == 4)
        #expect(planner.round(ofStep: 2) == 1)
        #expect(planner.delay(afterStep: 1) == .seconds(1200))
        #expect(planner.decide(step: 2, oncall: "b", pagedInRound: []) { _ in nil } == .page("b"))
        #expect(planner.delay(afterStep: 3) == nil)
    }
}
