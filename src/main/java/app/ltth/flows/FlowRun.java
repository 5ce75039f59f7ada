package app.ltth.flows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What one run of a flow did, step by step: written to user_data/flow_logs/<date>.jsonl, sent to the dashboard's live
 * log, and returned by the test button.
 *
 * @param status done, failed, skipped (conditions, cooldown, rate limit, queue full) or loop guard
 */
public record FlowRun(String flowId, String flowName, String trigger, long startedAt, String conditions,
                      boolean conditionsPassed, List<Step> steps, String status) {

    /** @param outcome ok, failed or not available */
    public record Step(String action, long millis, String outcome, String result) {
    }

    static final class Builder {
        final String flowId;
        final String flowName;
        final String trigger;
        final long startedAt = System.currentTimeMillis();
        String conditions = "";
        boolean passed = true;
        final List<Step> steps = Collections.synchronizedList(new ArrayList<>());

        Builder(Flow flow, String trigger) {
            this.flowId = flow.id();
            this.flowName = flow.name();
            this.trigger = trigger;
        }

        FlowRun finish(String status) {
            return new FlowRun(flowId, flowName, trigger, startedAt, conditions, passed, List.copyOf(steps), status);
        }
    }
}
