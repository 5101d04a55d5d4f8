package ma.tadafor.dashboard.demo;

import java.net.InetAddress;

import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import ma.tadafor.dashboard.startup.StartRefusedException;

/**
 * The demo's users share a published password: it listens on loopback only, unless
 * {@code tadafor.demo.allow-non-loopback} says otherwise. Checked while the beans are made, so a
 * refused demo never opens its port.
 */
@Component
@Profile("demo")
class LoopbackOnly {

    LoopbackOnly(ServerProperties server, DemoProperties demo) {
        InetAddress address = server.getAddress();
        if (demo.allowNonLoopback() || address != null && address.isLoopbackAddress()) {
            return;
        }
        throw new StartRefusedException("The demo profile would listen on " + (address == null ? "every interface"
                : address.getHostAddress()) + " (server.address), and its users' password tadafor-demo is published.",
                "Set server.address=127.0.0.1 (SERVER_ADDRESS), run the prod profile, or, to show the demo to others "
                        + "on purpose, set tadafor.demo.allow-non-loopback=true (TADAFOR_DEMO_ALLOW_NON_LOOPBACK).");
    }
}
