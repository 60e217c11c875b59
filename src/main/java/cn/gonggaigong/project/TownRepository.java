package cn.gonggaigong.project;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TownRepository extends JpaRepository<Town, String> {

    Optional<Town> findByGroupId(String groupId);

    /**
     * The order in which every list of the towns is shown (the pages' filters and application form, the leading
     * group's dashboard): the streets, then the towns, then the farms, each by code (the name's pinyin).
     */
    String LIST_ORDER = "case t.kind when 'STREET' then 1 when 'TOWN' then 2 else 3 end, t.code";

    @Query(value = "select * from town t order by " + LIST_ORDER, nativeQuery = true)
    List<Town> findAllInListOrder();
}
