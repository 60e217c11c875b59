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

    /**
     * What is wrong with a filter's town code (field {@code town}): none when blank or a town's code; a code of no
     * town is the caller's mistake, not a town with nothing to list.
     */
    default Optional<FieldProblem> unknownTown(String code) {
        if (code == null || code.isBlank() || existsById(code.trim())) {
            return Optional.empty();
        }
        return Optional.of(new FieldProblem("town", "没有编码为 " + code.trim() + " 的乡镇(街道、农场)"));
    }
}
