package app.ltth.multicam;

import static org.assertj.core.api.Assertions.assertThat;

import app.ltth.json.Json;
import org.junit.jupiter.api.Test;

class CamRulesTest {

    private final CamRules rules = new CamRules();

    private static MultiCamConfig config(String json) throws Exception {
        return MultiCamConfig.parse(Json.MAPPER.readTree(json));
    }

    private static final String CAMS = "\"cams\":[\"Desk\",\"Face\",\"Room\"]";

    @Test
    void commandsNameACamOrStepThroughThem() throws Exception {
        MultiCamConfig c = config("{" + CAMS + ",\"globalCooldownSeconds\":0,\"userCooldownSeconds\":0}");
        assertThat(rules.command(c, "anna", false, "!cam 2", 0, 0).index()).isEqualTo(1);
        assertThat(rules.command(c, "anna", false, "!CAM next", 2, 0).index()).as("wraps around").isEqualTo(0);
        assertThat(rules.command(c, "anna", false, "!cam prev", 0, 0).index()).isEqualTo(2);
        assertThat(rules.command(c, "anna", false, "!cam next", -1, 0).index()).as("unknown current: the first").isEqualTo(0);
        assertThat(rules.command(c, "anna", false, "hello !cam 2", 0, 0)).as("ordinary chat").isNull();
        assertThat(rules.command(c, "anna", false, "!camera", 0, 0)).isNull();
        assertThat(rules.command(c, "anna", false, "!cam 4", 0, 0).reason()).contains("1..3");
        assertThat(rules.command(c, "anna", false, "!cam 1", 0, 0).reason()).contains("already on");
    }

    @Test
    void cooldownsPerViewerAndForEveryone() throws Exception {
        MultiCamConfig c = config("{" + CAMS + ",\"globalCooldownSeconds\":5,\"userCooldownSeconds\":30}");
        CamRules.Decision first = rules.command(c, "anna", false, "!cam 2", 0, 1_000);
        assertThat(first.allowed()).isTrue();
        rules.switched("anna", 1_000);
        assertThat(rules.command(c, "ben", false, "!cam 3", 1, 3_000).reason()).contains("wait 3 s");
        assertThat(rules.command(c, "ben", false, "!cam 3", 1, 6_000).allowed()).isTrue();
        assertThat(rules.command(c, "anna", false, "!cam 3", 1, 7_000).reason()).contains("@anna may switch again in 24 s");
        assertThat(rules.command(c, "anna", true, "!cam 3", 1, 7_000).allowed()).as("moderators skip their own cooldown").isTrue();
        assertThat(rules.gift(c, "Rose", 1, 2_000)).as("a gift without a rule").isNull();
    }

    @Test
    void moderatorsOnlyWithAllowedUsers() throws Exception {
        MultiCamConfig c = config("{" + CAMS + ",\"modsOnly\":true,\"allowedUsers\":[\"@Cara\"],\"globalCooldownSeconds\":0}");
        assertThat(rules.command(c, "anna", false, "!cam 2", 0, 0).reason()).contains("only moderators");
        assertThat(rules.command(c, "mod", true, "!cam 2", 0, 0).allowed()).isTrue();
        assertThat(rules.command(c, "cara", false, "!cam 2", 0, 0).allowed()).as("allowed list, case and @ ignored").isTrue();
    }

    @Test
    void giftsSwitchForAnyoneButWaitForTheGlobalCooldown() throws Exception {
        MultiCamConfig c = config("{" + CAMS + ",\"modsOnly\":true,\"gifts\":{\"Rose\":\"next\",\"Lion\":\"3\"},\"globalCooldownSeconds\":10}");
        assertThat(rules.gift(c, "Rose", 0, 0).index()).isEqualTo(1);
        rules.switched("anna", 0);
        assertThat(rules.gift(c, "Lion", 1, 5_000).reason()).contains("wait 5 s");
        assertThat(rules.gift(c, "Lion", 1, 10_000).index()).isEqualTo(2);
    }
}
