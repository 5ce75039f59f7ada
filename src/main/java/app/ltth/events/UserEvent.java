package app.ltth.events;

/** An event caused by one viewer. */
public sealed interface UserEvent extends LiveEvent permits ChatEvent, GiftEvent, LikeEvent, FollowEvent, ShareEvent,
        SubscribeEvent, JoinEvent, EmoteEvent, QuestionEvent, PinEvent, SuperFanEvent, GiftSubEvent {

    User user();
}
