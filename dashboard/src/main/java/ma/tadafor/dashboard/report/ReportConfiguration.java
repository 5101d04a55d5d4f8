package ma.tadafor.dashboard.report;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.framework.ResultsFrameworkStore;
import ma.tadafor.data.mart.IndicatorQueries;
import ma.tadafor.data.mart.ParticipationQueries;
import ma.tadafor.data.mart.ProvinceComparisonQueries;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    Programme programme(JsonMapper json) {
        return Programme.load(json);
    }

    @Bean
    IatiExport iatiExport(Programme programme, ResultsFrameworkStore framework, IndicatorQueries indicators,
            ParticipationQueries participation, MessageSource messages) {
        return new IatiExport(programme, framework, indicators, new ParticipantBreakdown(participation), messages);
    }

    @Bean
    ConsultationPack consultationPack(HikariDataSource warehouse, CommitteeStore committees) {
        return new ConsultationPack(new ProvinceComparisonQueries(warehouse), committees);
    }
}
