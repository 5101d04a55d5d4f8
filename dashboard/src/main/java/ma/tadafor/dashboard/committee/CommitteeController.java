package ma.tadafor.dashboard.committee;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

import ma.tadafor.dashboard.api.Items;
import ma.tadafor.dashboard.committee.CommitteeRequests.FollowUpRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.MeetingRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.MemberRequest;
import ma.tadafor.dashboard.committee.CommitteeRequests.RecommendationRequest;
import ma.tadafor.dashboard.security.SignedInUser;
import ma.tadafor.data.committee.CommitteeMember;

/** The steering committee of a province (API.md): members, meetings, recommendations and their follow-up. */
@RestController
@RequestMapping("/api/v1/committees/{provinceCode}")
class CommitteeController {

    private final Committees committees;

    CommitteeController(Committees committees) {
        this.committees = committees;
    }

    @GetMapping("/members")
    @Operation(summary = "The committee's members", description = "Roles: any signed-in user whose scope holds the province.")
    Items<CommitteeMember> members(@PathVariable String provinceCode, @AuthenticationPrincipal SignedInUser user) {
        return new Items<>(committees.members(provinceCode, user));
    }

    @PostMapping("/members")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a member", description = "Roles: the province's GOVERNOR, PROGRAMME, ADMIN; 201.")
    CommitteeMember addMember(@PathVariable String provinceCode, @RequestBody MemberRequest request,
                              @AuthenticationPrincipal SignedInUser user) {
        return committees.addMember(provinceCode, request, user);
    }

    @DeleteMapping("/members/{id}")
    @Operation(summary = "Remove a member", description = "Roles: the province's GOVERNOR, PROGRAMME, ADMIN; 204.")
    ResponseEntity<Void> removeMember(@PathVariable String provinceCode, @PathVariable long id,
                                      @AuthenticationPrincipal SignedInUser user) {
        committees.removeMember(provinceCode, id, user);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/meetings")
    @Operation(summary = "The committee's meetings", description = "Roles: any signed-in user whose scope holds the province.")
    Items<MeetingView> meetings(@PathVariable String provinceCode, @AuthenticationPrincipal SignedInUser user) {
        return new Items<>(committees.meetings(provinceCode, user));
    }

    @PostMapping("/meetings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Plan a meeting", description = "Roles: the province's GOVERNOR, PROGRAMME, ADMIN; 201. Lists in the body are bounded (agenda, attendance, documents).")
    MeetingView planMeeting(@PathVariable String provinceCode, @Valid @RequestBody MeetingRequest request,
                            @AuthenticationPrincipal SignedInUser user) {
        return committees.planMeeting(provinceCode, request, user);
    }

    @GetMapping("/meetings/{id}")
    @Operation(summary = "One meeting", description = "Roles: any signed-in user whose scope holds the province.")
    MeetingView meeting(@PathVariable String provinceCode, @PathVariable long id, @AuthenticationPrincipal SignedInUser user) {
        return committees.meeting(provinceCode, id, user);
    }

    @PatchMapping("/meetings/{id}")
    @Operation(summary = "Record what happened at a meeting, or change its plan", description = "Roles: the province's GOVERNOR, PROGRAMME, ADMIN; only the fields sent change.")
    MeetingView recordMeeting(@PathVariable String provinceCode, @PathVariable long id, @Valid @RequestBody MeetingRequest request,
                              @AuthenticationPrincipal SignedInUser user) {
        return committees.recordMeeting(provinceCode, id, request, user);
    }

    @GetMapping("/recommendations")
    @Operation(summary = "The committee's recommendations", description = "Roles: any signed-in user whose scope holds the province.")
    Items<RecommendationView> recommendations(@PathVariable String provinceCode, @AuthenticationPrincipal SignedInUser user) {
        return new Items<>(committees.recommendations(provinceCode, user));
    }

    @PostMapping("/recommendations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a recommendation", description = "Roles: the province's GOVERNOR, PROGRAMME, ADMIN; 201.")
    RecommendationView addRecommendation(@PathVariable String provinceCode, @Valid @RequestBody RecommendationRequest request,
                                         @AuthenticationPrincipal SignedInUser user) {
        return committees.addRecommendation(provinceCode, request, user);
    }

    @GetMapping("/recommendations/{id}")
    @Operation(summary = "One recommendation and its follow-up", description = "Roles: any signed-in user whose scope holds the province.")
    RecommendationView recommendation(@PathVariable String provinceCode, @PathVariable long id,
                                      @AuthenticationPrincipal SignedInUser user) {
        return committees.recommendation(provinceCode, id, user);
    }

    @PatchMapping("/recommendations/{id}")
    @Operation(summary = "Follow a recommendation up", description = "Roles: the province's GOVERNOR, PROGRAMME, ADMIN.")
    RecommendationView followUp(@PathVariable String provinceCode, @PathVariable long id,
                                @RequestBody FollowUpRequest request, @AuthenticationPrincipal SignedInUser user) {
        return committees.followUp(provinceCode, id, request, user);
    }
}
