package cn.gonggaigong.scheme;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RuleViolationRepository extends JpaRepository<RuleViolation, Long> {

    List<RuleViolation> findBySchemeIdOrderByIdAsc(Long schemeId);
}
