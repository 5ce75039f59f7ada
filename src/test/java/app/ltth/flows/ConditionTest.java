package app.ltth.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.ltth.input.ValidationException;
import app.ltth.json.Json;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConditionTest {

    private final Map<String, Object> gift = new HashMap<>(Map.of("type", "gift", "username", "Anna_99", "userId", "42",
            "giftName", "Rose", "coins", 150L, "comment", "Hello World", "follower", true, "moderator", false,
            "subscriber", true, "teamLevel", 4));

    private double random = 0.5;
    private LocalTime now = LocalTime.of(20, 0);
    private final Condition.Env env = new Condition.Env() {
        public double random() {
            return random;
        }

        public LocalTime now() {
            return now;
        }

        public boolean isTopGifter(String userId) {
            return userId.equals("42");
        }

        public boolean isVip(String username) {
            return username.equals("Anna_99");
        }

        public RegexBudget regexBudget() {
            return RegexBudget.startingNow();
        }
    };

    private boolean test(String json) throws Exception {
        return Condition.parse(Json.MAPPER.readTree(json), "conditions").test(gift, env);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"field\":\"coins\",\"op\":\">=\",\"value\":100}              | true",
            "{\"field\":\"coins\",\"op\":\">=\",\"value\":151}              | false",
            "{\"field\":\"coins\",\"op\":\">\",\"value\":149}               | true",
            "{\"field\":\"coins\",\"op\":\"<\",\"value\":150}               | false",
            "{\"field\":\"coins\",\"op\":\"<=\",\"value\":150}              | true",
            "{\"field\":\"coins\",\"op\":\"==\",\"value\":150}              | true",
            "{\"field\":\"coins\",\"op\":\"==\",\"value\":\"150\"}          | true",
            "{\"field\":\"coins\",\"op\":\"!=\",\"value\":150}              | false",
            "{\"field\":\"giftName\",\"op\":\"==\",\"value\":\"rose\"}      | true",
            "{\"field\":\"giftName\",\"value\":\"Rose\"}                    | true",
            "{\"field\":\"comment\",\"op\":\"contains\",\"value\":\"WORLD\"}  | true",
            "{\"field\":\"comment\",\"op\":\"notContains\",\"value\":\"bye\"} | true",
            "{\"field\":\"comment\",\"op\":\"startsWith\",\"value\":\"hello\"} | true",
            "{\"field\":\"comment\",\"op\":\"endsWith\",\"value\":\"hello\"}  | false",
            "{\"field\":\"comment\",\"op\":\"regex\",\"value\":\"^hel+o\\\\s\"} | true",
            "{\"field\":\"comment\",\"op\":\"regex\",\"value\":\"\\\\d+\"}   | false",
            "{\"field\":\"giftName\",\"op\":\"in\",\"value\":[\"TikTok\",\"Rose\"]} | true",
            "{\"field\":\"giftName\",\"op\":\"notIn\",\"value\":[\"TikTok\",\"Rose\"]} | false",
            "{\"field\":\"coins\",\"op\":\"in\",\"value\":[1,150]}          | true",
            "{\"field\":\"comment\",\"op\":\"exists\"}                      | true",
            "{\"field\":\"question\",\"op\":\"exists\"}                     | false",
            "{\"field\":\"comment\",\"op\":\">\",\"value\":5}               | false",
            "{\"field\":\"coins\",\"op\":\">\",\"value\":\"many\"}          | false",
            "{\"field\":\"nothing\",\"op\":\"==\",\"value\":1}              | false",
            "{\"field\":\"nothing\",\"op\":\"!=\",\"value\":1}              | true",
            "{\"minCoins\":100}                                             | true",
            "{\"minCoins\":1000}                                            | false",
            "{\"gift\":\"ROSE\"}                                            | true",
            "{\"user\":\"anna_99\"}                                         | true",
            "{\"user\":[\"bob\",\"Anna_99\"]}                               | true",
            "{\"userIs\":\"follower\"}                                      | true",
            "{\"userIs\":\"moderator\"}                                     | false",
            "{\"userIs\":\"subscriber\"}                                    | true",
            "{\"userIs\":\"topGifter\"}                                     | true",
            "{\"teamLevelAtLeast\":4}                                       | true",
            "{\"teamLevelAtLeast\":5}                                       | false",
            "{\"chance\":0.6}                                               | true",
            "{\"chance\":0.4}                                               | false",
            "{\"timeBetween\":[\"18:00\",\"23:30\"]}                        | true",
            "{\"timeBetween\":[\"21:00\",\"02:00\"]}                        | false",
            "{\"all\":[{\"minCoins\":100},{\"gift\":\"Rose\"}]}             | true",
            "{\"all\":[{\"minCoins\":100},{\"gift\":\"Lion\"}]}             | false",
            "{\"any\":[{\"gift\":\"Lion\"},{\"user\":\"anna_99\"}]}          | true",
            "{\"not\":{\"gift\":\"Rose\"}}                                  | false",
            "{\"all\":[{\"any\":[{\"gift\":\"Lion\"},{\"not\":{\"userIs\":\"moderator\"}}]},{\"minCoins\":1}]} | true",
            "{\"all\":[]}                                                   | true",
    })
    void everyOperatorAndShortcutEvaluates(String json, boolean expected) throws Exception {
        assertThat(test(json)).isEqualTo(expected);
    }

    @Test
    void aVipIsWhoTheEnvSaysIs() throws Exception {
        assertThat(test("{\"userIs\":\"vip\"}")).isTrue();
        gift.put("username", "ben");
        assertThat(test("{\"userIs\":\"vip\"}")).isFalse();
        gift.remove("username");
        assertThat(test("{\"userIs\":\"vip\"}")).as("no viewer, no VIP").isFalse();
    }

    @Test
    void aCommandConditionReadsTheMessageWithThePrefixesOfTheEnv() throws Exception {
        gift.put("comment", "  !Hug @anna");
        assertThat(test("{\"command\":\"hug\"}")).isTrue();
        assertThat(test("{\"command\":\"!hug\"}")).isTrue();
        assertThat(test("{\"command\":\"wave\"}")).isFalse();
        gift.put("comment", "?hug");
        assertThat(test("{\"command\":\"hug\"}")).as("not with the default prefixes").isFalse();
        gift.put("comment", "hug me");
        assertThat(test("{\"command\":\"hug\"}")).isFalse();
        assertThatThrownBy(() -> test("{\"command\":\"two words\"}")).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("conditions.command");
    }

    @Test
    void aTimeWindowPastMidnightWraps() throws Exception {
        now = LocalTime.of(1, 0);
        assertThat(test("{\"timeBetween\":[\"21:00\",\"02:00\"]}")).isTrue();
        now = LocalTime.of(3, 0);
        assertThat(test("{\"timeBetween\":[\"21:00\",\"02:00\"]}")).isFalse();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)   // a guard against a hang, not a measurement
    void aCatastrophicRegexGivesUpInsteadOfHangingTheFlow() throws Exception {
        gift.put("comment", "a".repeat(64) + "!");
        assertThat(test("{\"field\":\"comment\",\"op\":\"regex\",\"value\":\"^(a+)+$\"}")).isFalse();
    }

    @Test
    void tenSlowRegexConditionsShareOneBudgetPerEvent() throws Exception {
        gift.put("comment", "a".repeat(64) + "!");
        long[] clock = {0};
        // Every look at the clock advances it by a millisecond: the count of looks is the time spent.
        RegexBudget budget = new RegexBudget(() -> clock[0] += 1_000_000, RegexBudget.MILLIS);
        Condition.Env event = new Condition.Env() {
            public double random() {
                return 0;
            }

            public LocalTime now() {
                return now;
            }

            public boolean isTopGifter(String userId) {
                return false;
            }

            public RegexBudget regexBudget() {
                return budget;
            }
        };
        String slow = "{\"field\":\"comment\",\"op\":\"regex\",\"value\":\"^(a+)+$\"}";
        Condition tenFlows = Condition.parse(Json.MAPPER.readTree("{\"any\":[" + String.join(",",
                java.util.Collections.nCopies(10, slow)) + "]}"), "conditions");
        assertThat(tenFlows.test(gift, event)).isFalse();
        assertThat(clock[0] / 1_000_000).as("milliseconds spent by ten conditions").isLessThanOrEqualTo(RegexBudget.MILLIS + 12);
        // Once the budget is spent, even a quick pattern does not match for this event (the next event has a new one).
        String quick = "{\"field\":\"comment\",\"op\":\"regex\",\"value\":\"a\"}";
        assertThat(Condition.parse(Json.MAPPER.readTree(quick), "c").test(gift, event)).isFalse();
        assertThat(test(quick)).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"field\":\"coins\",\"op\":\"~\",\"value\":1}                 | conditions.op",
            "{\"field\":\"coins\",\"op\":\">\"}                              | conditions.value",
            "{\"field\":\"coins\",\"op\":\"in\",\"value\":5}                | conditions.value",
            "{\"field\":\"comment\",\"op\":\"regex\",\"value\":\"(unclosed\"} | conditions.value",
            "{\"chance\":1.5}                                               | conditions.chance",
            "{\"userIs\":\"admin\"}                                         | conditions.userIs",
            "{\"timeBetween\":[\"18:00\"]}                                  | conditions.timeBetween",
            "{\"timeBetween\":[\"6pm\",\"23:00\"]}                          | conditions.timeBetween[0]",
            "{\"minCoins\":\"lots\"}                                        | conditions.minCoins",
            "{\"colour\":\"red\"}                                           | conditions",
            "{\"all\":[{\"minCoins\":1},{\"field\":\"x\",\"op\":\"??\",\"value\":1}]} | conditions.all[1].op",
            "{\"any\":{\"minCoins\":1}}                                     | conditions.any",
            "[]                                                             | conditions",
    })
    void invalidConditionsAreRefusedNamingTheField(String json, String field) {
        assertThatThrownBy(() -> Condition.parse(Json.MAPPER.readTree(json), "conditions"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).field()).isEqualTo(field));
    }

    @Test
    void conditionsDescribeThemselvesForTheRunLog() throws Exception {
        Condition c = Condition.parse(Json.MAPPER.readTree("{\"all\":[{\"minCoins\":100},{\"not\":{\"userIs\":\"moderator\"}}]}"),
                "conditions");
        assertThat(c.describe()).isEqualTo("all of [minCoins 100.0, not user is moderator]");
    }
}
