package ma.tadafor.dashboard.report;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.thymeleaf.ITemplateEngine;

import com.zaxxer.hikari.HikariDataSource;

import ma.tadafor.dashboard.closure.ClosureReadings;
import ma.tadafor.dashboard.committee.Committees;
import ma.tadafor.dashboard.disclosure.Disclosure;
import ma.tadafor.dashboard.indicators.Standings;
import ma.tadafor.dashboard.wording.Wording;
import ma.tadafor.data.committee.CommitteeStore;
import ma.tadafor.data.committee.MeetingBriefStore;
import ma.tadafor.data.convergence.ConvergenceQueries;
import ma.tadafor.data.framework.ResultsFrameworkStore;
import ma.tadafor.data.mart.IndicatorQueries;
import ma.tadafor.data.mart.ParticipationRateQueries;
import ma.tadafor.data.mart.ProvinceComparisonQueries;
import ma.tadafor.data.quality.DataQualityQueries;
import ma.tadafor.data.territory.TerritoryQueries;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ReportConfiguration {

    @Bean
    Programme programme(JsonMapper json) {
        return Programme.load(json);
    }

    @Bean
    IatiExport iatiExport(Programme programme, ResultsFrameworkStore framework, IndicatorQueries indicators,
            Disclosure disclosure, MessageSource messages) {
        return new IatiExport(programme, framework, indicators, new ParticipantBreakdown(disclosure), disclosure, messages);
    }

    @Bean
    ConsultationPack consultationPack(HikariDataSource warehouse, CommitteeStore committees, Disclosure disclosure) {
        return new ConsultationPack(new ProvinceComparisonQueries(warehouse), committees, disclosure);
    }

    @Bean
    CommitteeBriefs committeeBriefs(TerritoryQueries territories, Disclosure disclosure, ParticipationRateQueries rates,
            Standings standings, ConvergenceQueries convergence, DataQualityQueries quality,
            CommitteeStore committees, Wording wording, ITemplateEngine templates,
            ReportProperties properties, ClosureReadings closures) {
        return new CommitteeBriefs(new CommitteeBrief(territories, disclosure, rates, standings, convergence, quality,
                committees, wording, closures), templates, new ChromiumPdf(properties), wording);
    }

    @Bean
    MeetingBriefJob meetingBriefJob(MeetingBriefStore store, CommitteeBriefs briefs, TerritoryQueries territories,
            BriefSemesters semesters, ReportProperties properties) {
        return new MeetingBriefJob(store, briefs, territories, semesters, properties, Clock.system(Committees.ZONE));
    }

    /** Looks for meetings due their briefs every {@code check-every}, the first time a minute after start-up. */
    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler briefScheduler(MeetingBriefJob job, ReportProperties properties) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("committee-briefs-");
        scheduler.initialize();
        if (!properties.checkEvery().isZero()) {
            scheduler.scheduleWithFixedDelay(job::prepareDue, Instant.now().plusSeconds(60), properties.checkEvery());
        }
        return scheduler;
    }
}
