package app.ltth.tts;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The operating system's own voices: free, offline, the default. espeak-ng (or espeak) on Linux, the Windows speech
 * API through PowerShell, {@code say} on macOS; found once, or at the path the streamer set (the setting
 * tts.localProgram, for an espeak-ng outside the PATH). The text always goes through standard input and the voice
 * through a checked argument or an environment variable: chat text never reaches a shell.
 */
public final class LocalTts implements TtsEngine {

    static final long TIMEOUT_SECONDS = 20;
    private static final Pattern VOICE = Pattern.compile("[\\p{L}0-9 _.+()-]{1,80}");

    enum Kind { ESPEAK, WINDOWS, MAC, NONE }

    private final Supplier<String> configured;
    private final Path tmp;
    private volatile Found found;

    /** @param configured the path of an espeak-ng program the streamer chose; empty: look for one */
    public LocalTts(Supplier<String> configured, Path tmp) {
        this.configured = configured;
        this.tmp = tmp;
    }

    LocalTts(Program program, Path tmp) {
        this(() -> "", tmp);
        this.found = new Found("", program);
    }

    /** The speech program this machine has, and where. */
    record Program(Kind kind, String path) {
    }

    /** The program for one value of the setting, and its voices once read. */
    private static final class Found {
        final String configured;
        final Program program;
        volatile List<Voice> voices;

        Found(String configured, Program program) {
            this.configured = configured;
            this.program = program;
        }
    }

    private Found found() {
        String chosen = configured.get().trim();
        Found f = found;
        if (f == null || !f.configured.equals(chosen)) {
            f = new Found(chosen, chosen.isEmpty() ? detect() : Files.isExecutable(Path.of(chosen))
                    ? new Program(Kind.ESPEAK, chosen) : new Program(Kind.NONE, ""));
            found = f;
        }
        return f;
    }

    private Kind kind() {
        return found().program.kind();
    }

    static Program detect() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) return new Program(Kind.WINDOWS, "powershell.exe");
        if (os.contains("mac")) return new Program(Kind.MAC, "/usr/bin/say");
        for (String name : List.of("espeak-ng", "espeak")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) return new Program(Kind.ESPEAK, candidate.toString());
            }
        }
        return new Program(Kind.NONE, "");
    }

    @Override
    public String id() {
        return "local";
    }

    @Override
    public String name() {
        return switch (kind()) {
            case ESPEAK -> "Local voices (" + Path.of(found().program.path()).getFileName() + ")";
            case WINDOWS -> "Local voices (Windows)";
            case MAC -> "Local voices (macOS)";
            case NONE -> "Local voices";
        };
    }

    @Override
    public String unavailableReason() {
        return kind() == Kind.NONE ? "No speech program was found. On Linux install espeak-ng (sudo apt install espeak-ng) "
                + "and restart LTTH (or give its path under Settings, Advanced), or set up a cloud voice." : null;
    }

    @Override
    public String defaultVoice() {
        return switch (kind()) {
            case ESPEAK -> voices().stream().anyMatch(v -> v.id().equals("en-us")) || voices().isEmpty() ? "en-us" : voices().get(0).id();
            case WINDOWS, MAC, NONE -> voices().isEmpty() ? "" : voices().get(0).id();
        };
    }

    @Override
    public List<Voice> voices() {
        Found f = found();
        List<Voice> known = f.voices;
        if (known == null) {
            known = f.program.kind() == Kind.NONE ? List.of() : readVoices(f.program);
            f.voices = known;
        }
        return known;
    }

    private List<Voice> readVoices(Program found) {
        String program = found.path();
        try {
            List<Voice> out = new ArrayList<>();
            switch (found.kind()) {
                case ESPEAK -> {
                    // Pty Language Age/Gender VoiceName File Other: the language code is what -v takes.
                    for (String line : run(List.of(program, "--voices"), "", Map.of()).split("\n")) {
                        String[] c = line.trim().split("\\s+");
                        if (c.length >= 4 && !c[0].equals("Pty")) out.add(new Voice(c[1], c[3].replace('_', ' '), c[1]));
                    }
                }
                case MAC -> {
                    for (String line : run(List.of(program, "-v", "?"), "", Map.of()).split("\n")) {
                        String[] c = line.trim().split("\\s{2,}|\\s+(?=[a-z]{2}_[A-Z]{2})");
                        if (c.length >= 2) out.add(new Voice(c[0].trim(), c[0].trim(), c[1].trim().split("\\s")[0]));
                    }
                }
                case WINDOWS -> {
                    String script = "Add-Type -AssemblyName System.Speech; (New-Object System.Speech.Synthesis.SpeechSynthesizer)"
                            + ".GetInstalledVoices() | ForEach-Object { $_.VoiceInfo.Name + '|' + $_.VoiceInfo.Culture }";
                    for (String line : run(List.of(program, "-NoProfile", "-Command", script), "", Map.of()).split("\n")) {
                        String[] c = line.trim().split("\\|");
                        if (c.length == 2) out.add(new Voice(c[0], c[0], c[1]));
                    }
                }
                default -> { }
            }
            return List.copyOf(out);
        } catch (IOException | TtsException e) {
            return List.of();
        }
    }

    @Override
    public Speech speak(String text, String voice) throws TtsException {
        Program found = found().program;
        String program = found.path();
        if (found.kind() == Kind.NONE) throw new TtsException(unavailableReason());
        String v = voice == null || voice.isBlank() ? defaultVoice() : voice;
        if (!VOICE.matcher(v).matches()) throw new TtsException("'" + v + "' is not a voice name");
        Path out;
        try {
            Files.createDirectories(tmp);
            out = Files.createTempFile(tmp, "speech-", ".wav");
        } catch (IOException e) {
            throw new TtsException("Cannot write the speech file: " + e.getMessage(), e);
        }
        try {
            switch (found.kind()) {
                case ESPEAK -> run(List.of(program, "-v", v, "-w", out.toString(), "--stdin"), text, Map.of());
                case MAC -> run(List.of(program, "-v", v, "-o", out.toString(), "--file-format=WAVE",
                        "--data-format=LEI16@22050", "-f", "-"), text, Map.of());
                case WINDOWS -> run(List.of(program, "-NoProfile", "-Command", "Add-Type -AssemblyName System.Speech; "
                        + "$s = New-Object System.Speech.Synthesis.SpeechSynthesizer; "
                        + "if ($env:LTTH_VOICE) { $s.SelectVoice($env:LTTH_VOICE) }; $s.SetOutputToWaveFile($env:LTTH_OUT); "
                        + "$s.Speak([Console]::In.ReadToEnd()); $s.Dispose()"), text,
                        Map.of("LTTH_VOICE", v, "LTTH_OUT", out.toString()));
                default -> throw new TtsException(unavailableReason());
            }
            byte[] audio = Files.readAllBytes(out);
            if (audio.length < 64) throw new TtsException("The local voice '" + v + "' produced no audio");
            return new Speech(audio, "audio/wav");
        } catch (IOException e) {
            throw new TtsException("The local voice failed: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(out);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }

    /** Runs the program with the input on stdin; its output goes to a file, so a hanging program cannot block us. */
    private String run(List<String> command, String input, Map<String, String> env) throws IOException, TtsException {
        Files.createDirectories(tmp);
        Path log = Files.createTempFile(tmp, "speech-", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            Process p = builder.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the program may have ended without reading: its exit code tells
            }
            try {
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw new TtsException("The local voice took longer than " + TIMEOUT_SECONDS + " s");
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new TtsException("Stopped");
            }
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) throw new TtsException("The local voice failed: " + text.strip());
            return text;
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
