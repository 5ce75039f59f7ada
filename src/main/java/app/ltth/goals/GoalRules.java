package app.ltth.goals;

/** What happens to a goal when its value changes: the pure part of goals, without storage or sockets. */
final class GoalRules {

    /** The goal after the change, and whether this change reached it. */
    record Change(Goal goal, boolean reached) {
    }

    private GoalRules() {
    }

    /**
     * Sets the value. Reaching the target happens once: a goal that stays reached does not fire again until it is
     * below its target once more (after a reset, or a lowered value). Values never go below zero.
     */
    static Change set(Goal goal, long value) {
        long current = Math.max(0, Math.min(Goal.MAX, value));
        long target = goal.currentTarget();
        if (current < target) return new Change(goal.withProgress(current, target, false), false);
        if (goal.reached()) return new Change(goal.withProgress(current, target, true), false);
        switch (goal.onReached()) {
            case "reset" -> {
                return new Change(goal.withProgress(0, target, false), true);
            }
            case "double" -> {
                while (target <= current && target < Goal.MAX) target = Math.min(Goal.MAX, target * 2);
                return new Change(goal.withProgress(current, target, false), true);
            }
            case "raise" -> {
                while (target <= current && target < Goal.MAX) target = Math.min(Goal.MAX, target + goal.raiseBy());
                return new Change(goal.withProgress(current, target, false), true);
            }
            default -> {   // keep, hide: stays reached (the overlay hides a "hide" goal)
                return new Change(goal.withProgress(current, target, true), true);
            }
        }
    }

    static Change add(Goal goal, long amount) {
        return set(goal, goal.current() + amount);
    }

    /** Back to zero and to the target the streamer set. */
    static Goal reset(Goal goal) {
        return goal.withProgress(0, goal.target(), false);
    }
}
