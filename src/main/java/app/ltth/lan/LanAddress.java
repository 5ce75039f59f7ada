package app.ltth.lan;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** This computer's address in the home network: what a phone or a second PC types to reach LTTH. */
final class LanAddress {

    private LanAddress() {
    }

    /** An IPv4 address of an active, physical-looking interface; private ranges (192.168.x.x, 10.x.x.x) first. */
    static Optional<String> pick() {
        List<InetAddress> found = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual() || nic.isPointToPoint()) continue;
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) found.add(a);
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return found.stream().min(Comparator.comparing(a -> a.isSiteLocalAddress() ? 0 : 1))
                .map(InetAddress::getHostAddress);
    }
}
