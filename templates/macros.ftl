<#-- Macros and functions for content pages, imported as "p". How to use them: docs/authoring.md. -->

<#-- ==== Numbers ===============================================================================================
     Every number a reader sees comes from the data: ${x} for a number as it is, or one of these. A number typed in
     the page, computed in it or formatted otherwise is rejected by the build (file:line). -->
<#-- x with d decimals: 0.83 -->
<#function f x d=2><#return numbers.fixed(x, d)></#function>
<#-- x (already in percent) with d decimals and a % sign: 87.55% -->
<#function pct x d=2><#return numbers.fixed(x, d) + "%"></#function>
<#-- a fraction (0..1) as a percentage with d decimals: 0.9 -> 90% -->
<#function pctOf x d=1><#return numbers.percentOf(x, d) + "%"></#function>
<#-- two significant digits: plain between 0.001 and 9999 (0.95, 0.0067, 42), else 1.2 × 10⁻⁵ -->
<#function sci x><#return numbers.sci(x)></#function>
<#-- n significant digits, plain: 0.0728 -->
<#function sig x n=3><#return numbers.significant(x, n)></#function>

<#-- ==== Verdicts ==============================================================================================
     The words for a claim's outcome ("holds with caveats"), from content/site.json. -->
<#function outcome claim>
  <#if !verdicts[claim]??><#stop "no claim '" + claim + "' (claims: " + verdicts?keys?join(", ") + ")"></#if>
  <#return site.outcomes[verdicts[claim].outcome]>
</#function>

<#-- The verdict box of a claim: its outcome, computed by the claim's rule, and the page's words for what was
     measured (<@p.measured>), the rule (<@p.rule>) and any caveats (<@p.caveat>, one each). The box adds, for each
     threshold with a range in content/thresholds.json, the outcome across that range (claims/Sensitivity). -->
<#macro verdict claim>
<#if !verdicts[claim]??><#stop "no claim '" + claim + "' to give a verdict for (claims: " + verdicts?keys?join(", ") + ")"></#if>

<div class="verdict-slot" data-claim="${claim}">

<#nested>
<#list (verdicts[claim].sensitivity)![] as s>
<@part "sensitivity">`${s.key}` from ${sci(s.low)} to ${sci(s.high)}: <#list s.segments as g>${site.outcomes[g.outcome]}<#if s.fragile> for ${sig(g.from, 3)}–${sig(g.to, 3)}</#if><#sep>; </#list><#if s.fragile> — fragile: at ${sig(s.flipAt, 3)} (the file says ${sci(s.value)}) the verdict would be “${site.outcomes[s.flipOutcome]}”<#else> — the same verdict across the range</#if>.</@part>
</#list>

</div>

</#macro>
<#macro measured><@part "measured"><#nested></@part></#macro>
<#macro rule><@part "rule"><#nested></@part></#macro>
<#macro caveat><@part "caveat"><#nested></@part></#macro>
<#macro part kind>
<div class="verdict-part" data-part="${kind}">

<#nested>

</div>

</#macro>

<#-- ==== Figures ===============================================================================================
     A figure, numbered and linked at build time. The page writes every word on it: the title, the axis titles (x, y),
     one <@p.legend> per kind of series, and the caption (the rest of the body, Markdown and math allowed). Labels
     are Unicode (λ, η, ‖w‖², −) with _x or _{…} for subscripts and ^x or ^{…} for superscripts.
     The data come from the claim that computes figure `id`, or, with experiment= and metric=, from one
     experiment's runs (a line per sweep group; log="x", "y" or "xy"; layer=2 for the second weight layer). -->
<#macro figure id title x y experiment="" metric="" layer=1 log="">
<#local id = numbers.plain(id)>
<#if experiment?has_content>
  <#if !experiments[experiment]??><#stop "figure '" + id + "': no experiment '" + experiment + "' (experiments: " + experiments?keys?join(", ") + ")"></#if>
  <#if !metric?has_content><#stop "figure '" + id + "': a figure of experiment '" + experiment + "' needs metric=, e.g. metric=\"validationAccuracy\""></#if>
  <#assign figureLines = experiments[experiment].groups>
<#else>
  <#if !figures[id]??><#stop "figure '" + id + "' is computed by no claim (claims' figures: " + figures?keys?join(", ") + "); a figure of one experiment's runs needs experiment= and metric="></#if>
  <#assign figureLines = figures[id].lines>
</#if>
<#assign figureId = id>

<div class="figure-slot" data-figure="${id}" data-experiment="${experiment}" data-metric="${metric}" data-layer="${layer?c}" data-log="${log}">
<div class="fig-title">${title?html}</div>
<div class="fig-axis" data-axis="x">${x?html}</div>
<div class="fig-axis" data-axis="y">${y?html}</div>

<#nested>

</div>

</#macro>

<#-- The legend label of every series of kind `series` in the enclosing figure; the series' parameters (lambda,
     init, hidden, ... as listed in output/model.json) are the loop variable: <@p.legend series="decay"; s>decay,
     λ = ${s.lambda}</@p.legend>. -->
<#macro legend series>
<#local found = false>
<#list figureLines as l>
<#if l.kind == series>
<#local found = true>
<#local label><#nested l></#local>
<div class="fig-legend" data-line="${l.index?c}">${label?trim?html}</div>

</#if>
</#list>
<#if !found>
<#local kinds = []><#list figureLines as l><#if !kinds?seq_contains(l.kind)><#local kinds = kinds + [l.kind]></#if></#list>
<#stop "figure '" + figureId + "' has no series '" + series + "' (its series: " + kinds?join(", ") + ")">
</#if>
</#macro>

<#-- The legend entry of the enclosing figure's open markers: points that are only a bound (censored), e.g. runs that
     never tail off within the epochs. Needed when the figure's data mark such points. -->
<#macro censored>
<#local label><#nested></#local>
<div class="fig-censored">${label?trim?html}</div>

</#macro>
