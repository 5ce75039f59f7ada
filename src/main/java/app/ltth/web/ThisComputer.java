package app.ltth.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.io.IOException;
import java.net.InetAddress;

/** Requests from this computer itself (loopback), as opposed to phones and other computers in LAN mode. */
public final class ThisComputer {

    private ThisComputer() {
    }

    public static boolean isLoopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();   // an address literal: no name lookup
        } catch (IOException e) {
            return false;
        }
    }

    /** Refuses (403) what only the streamer at this computer may do, such as installing a plugin. */
    public static void require(Context ctx, String refusal) {
        if (!isLoopback(ctx.ip())) throw new ForbiddenResponse(refusal);
    }
}
