<#-- Macros and functions for content pages, imported as "p". -->
<#-- A figure by id: numbered, captioned and linked at build time. -->
<#macro figure id>

<div class="figure-slot" data-figure="${id}"></div>

</#macro>
<#-- The verdict badge of a claim, with the rule and the numbers behind it. -->
<#macro verdict claim>

<div class="verdict-slot" data-claim="${claim}"></div>

</#macro>
<#-- Number with d decimals. -->
<#function f x d=2>
  <#if d == 0><#return x?string("0")></#if>
  <#return x?string("0." + ""?left_pad(d, "0"))>
</#function>
<#-- Percentage (x already in percent) with d decimals and a % sign. -->
<#function pct x d=2>
  <#return f(x, d) + "%">
</#function>
<#-- Fraction (0..1) shown as a percentage. -->
<#function pctOf x d=1>
  <#return f(100 * x, d) + "%">
</#function>
<#-- Scientific notation with 2 significant digits, e.g. 1.2e-5. -->
<#function sci x>
  <#return x?string("0.0E0")>
</#function>
<#-- The row of a table whose fields match, e.g. row(book.rows, {"hidden": 30, "init": "old"}). -->
<#function row rows match>
  <#list rows as r>
    <#assign ok = true>
    <#list match as k, v><#if r[k] != v><#assign ok = false></#if></#list>
    <#if ok><#return r></#if>
  </#list>
  <#stop "no row matches " + match?keys?join(",")>
</#function>
