package ma.tadafor.dashboard.committee;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.committee.MeetingBriefStore;

@Configuration(proxyBeanMethods = false)
class CommitteeConfiguration {

    @Bean
    CommitteeStore committeeStore(HikariDataSource warehouse) {
        return new CommitteeStore(warehouse);
    }

    @Bean
    MeetingBriefStore meetingBriefStore(HikariDataSource warehouse) {
        return new MeetingBriefStore(warehouse);
    }
}
