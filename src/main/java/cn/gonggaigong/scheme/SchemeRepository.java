package cn.gonggaigong.scheme;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SchemeRepository extends JpaRepository<Scheme, Long> {

    /** The current (highest) version of a project's scheme. */
    Optional<Scheme> findFirstByProjectIdOrderBySchemeVersionDesc(Long projectId);

    List<Scheme> findByProjectIdOrderBySchemeVersionAsc(Long projectId);
}
