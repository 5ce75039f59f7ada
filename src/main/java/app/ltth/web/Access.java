package app.ltth.web;

/** What a request or page from another computer may do in LAN mode. */
public enum Access {
    /** The dashboard link: everything this computer may do, except installing plugins. */
    FULL,
    /** The overlay link: overlays and what they read, nothing that changes or reveals settings. */
    OVERLAY
}
