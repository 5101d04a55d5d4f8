package ma.tadafor.dashboard.demo;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The demo's own SMTP server (GreenMail), on 127.0.0.1 only, at {@code tadafor.demo.smtp-port} or
 * a free port: the demo's briefs, reminders and alerts are really sent, and kept in its mailboxes,
 * without reaching anyone. The platform's mail is pointed at it; other profiles have no SMTP
 * server of their own and send through {@code spring.mail.*} (docs/MAIL.md).
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoMailServer {

    private static final Logger log = LoggerFactory.getLogger(DemoMailServer.class);
    private static final String LOOPBACK = "127.0.0.1";

    @Bean(destroyMethod = "stop")
    GreenMail demoSmtpServer(DemoProperties demo) {
        ServerSetup setup = new ServerSetup(demo.smtpPort(), LOOPBACK, ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(demo.smtpPort() == 0 ? setup.dynamicPort() : setup);
        server.start();
        log.info("Demo SMTP server on {}:{}", LOOPBACK, server.getSmtp().getPort());
        return server;
    }

    @Bean
    JavaMailSender demoMailSender(GreenMail demoSmtpServer) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(LOOPBACK);
        sender.setPort(demoSmtpServer.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "10000");
        properties.setProperty("mail.smtp.timeout", "10000");
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
