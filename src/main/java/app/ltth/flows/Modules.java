package app.ltth.flows;

import app.ltth.alerts.AlertService;
import app.ltth.effects.EffectService;
import app.ltth.games.Game;
import app.ltth.minecraft.MinecraftService;
import app.ltth.openshock.OpenShockService;
import app.ltth.streamerbot.StreamerBotService;
import java.util.List;
import app.ltth.goals.GoalService;
import app.ltth.obs.ObsService;
import app.ltth.osc.OscBridge;
import app.ltth.sound.SoundboardService;
import app.ltth.tts.TtsService;
import app.ltth.timers.TimerService;
import app.ltth.viewers.XpService;

/** The modules flow actions drive. */
public record Modules(AlertService alerts, GoalService goals, TtsService tts, SoundboardService sounds, ObsService obs,
                      OscBridge osc, XpService xp, TimerService timers,
                      EffectService effects, List<Game> games, StreamerBotService streamerBot,
                      MinecraftService minecraft, OpenShockService openShock) {
}
