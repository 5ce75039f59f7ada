package app.ltth.live.webcast;

import app.ltth.live.webcast.proto.BaseProtoMessage;
import app.ltth.live.webcast.proto.CommonMessageData;
import app.ltth.live.webcast.proto.ProtoMessageFetchResult;
import app.ltth.live.webcast.proto.PushFrame;
import app.ltth.live.webcast.proto.Text;
import app.ltth.live.webcast.proto.User;
import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/** Builds WebCast frames as TikTok sends them, for tests and the fake TikTok server. */
public final class Frames {

    private Frames() {
    }

    public static BaseProtoMessage message(String method, long msgId, MessageLite payload) {
        return BaseProtoMessage.newBuilder().setMethod(method).setMsgId(msgId).setPayload(payload.toByteString()).build();
    }

    public static ProtoMessageFetchResult result(BaseProtoMessage... messages) {
        ProtoMessageFetchResult.Builder b = ProtoMessageFetchResult.newBuilder().setCursor("c1").setInternalExt("ext-1");
        for (BaseProtoMessage m : messages) b.addMessages(m);
        return b.build();
    }

    public static byte[] frame(ProtoMessageFetchResult result, long logId, boolean gzip, boolean gzipHeader) {
        byte[] payload = result.toByteArray();
        PushFrame.Builder b = PushFrame.newBuilder().setLogId(logId).setPayloadEncoding("pb").setPayloadType("msg");
        if (gzip) payload = gzip(payload);
        if (gzip && gzipHeader) b.putHeaders("compress_type", "gzip");
        return b.setPayload(ByteString.copyFrom(payload)).build().toByteArray();
    }

    public static CommonMessageData common(long msgId, long createTime, String displayKey) {
        return CommonMessageData.newBuilder().setMsgId(msgId).setCreateTime(createTime)
                .setDisplayText(Text.newBuilder().setKey(displayKey)).build();
    }

    public static User user(long id, String uniqueId, String nickname) {
        return User.newBuilder().setId(id).setUniqueId(uniqueId).setNickname(nickname).build();
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
